"$MVEC" sources --vector arms.imports --format json
