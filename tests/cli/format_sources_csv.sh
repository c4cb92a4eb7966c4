"$MVEC" sources --vector arms.imports --format csv
