"$MVEC" sources --vector arms.imports
