"$MVEC" sources --vector arms.imports --format table
