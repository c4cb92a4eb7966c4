# mvec rank on the built-in data alone: it ranks the one country the data have and says so
"$MVEC" rank
