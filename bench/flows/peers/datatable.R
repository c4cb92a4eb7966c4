# R data.table peer of the flows benchmark (bench/README.md, "Flows (issue 7, point 8)").
#   Rscript bench/flows/peers/datatable.R q1|q2|q3|all DATA_DIR OUT_DIR BLOCS_CSV
# Reads DATA_DIR/BACI_*.csv (t,i,j,k,v,q), writes OUT_DIR/q1.csv .. q3.csv in the answer format
# of bench/README.md. v is read as a double, as an analyst would. Threads: every core
# (setDTthreads(0); data.table's own default is half of them).
suppressPackageStartupMessages(library(data.table))
setDTthreads(0L)

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 4 || !args[1] %in% c("q1", "q2", "q3", "all"))
  stop("usage: Rscript datatable.R q1|q2|q3|all DATA_DIR OUT_DIR BLOCS_CSV")
q <- args[1]; dir <- args[2]; out <- args[3]; blocs_csv <- args[4]
files <- sort(Sys.glob(file.path(dir, "BACI_*.csv")))
if (!length(files)) stop("no BACI_*.csv in ", dir)

TYPES <- c(t = "integer", i = "integer", j = "integer", k = "integer", v = "numeric")
rows <- function(cols) rbindlist(lapply(files, function(f)
  fread(f, select = TYPES[cols], na.strings = c("NA", ""), showProgress = FALSE)))
f17 <- function(x) sprintf("%.17g", x)
f3 <- function(x) sprintf("%.3f", x)
write <- function(dt, name) fwrite(dt, file.path(out, paste0(name, ".csv")), quote = FALSE)

q1 <- function(d) {
  f <- d[, .(v = sum(v)), by = .(t, i, j)]
  g <- rbind(f[, .(side = "exp", n = .N, s = sum(v), s2 = sum(v * v)), by = .(t, c = i)],
             f[, .(side = "imp", n = .N, s = sum(v), s2 = sum(v * v)), by = .(t, c = j)])
  g <- g[s > 0][order(t, side, c)]
  g[, .(t, side, c, n, total = f3(s), hhi = f17(s2 / (s * s)))]
}

q2 <- function(d) {
  b <- fread(blocs_csv, select = c(code = "integer", bloc = "character"))
  f <- d[, .(v = sum(v)), by = .(t, i, j)]
  x <- rbind(f[, .(t, c = i, p = j, v)], f[, .(t, c = j, p = i, v)])
  x[b, bloc := i.bloc, on = .(p = code)]
  x[is.na(bloc), bloc := "OTHER"]
  g <- x[, .(s = sum(v), e = sum(v[bloc == "EAEU_RU"]), h = sum(v[bloc == "CHN"]),
             w = sum(v[bloc == "WEST"]), o = sum(v[bloc == "OTHER"])), by = .(t, c)]
  g <- g[s > 0][order(t, c)]
  g[, .(t, c, total = f3(s), eaeu_ru = f17(e / s), chn = f17(h / s), west = f17(w / s),
        other = f17(o / s))]
}

q3 <- function(d) {
  g <- d[, .(s = sum(v), s2 = sum(v * v), m = max(v)), by = .(t, j, k)][s > 0]
  g[, `:=`(top = m / s, hhi = s2 / (s * s))]
  r <- g[, .(n_products = .N, n_dep = sum(top > 0.5 & hhi > 0.4), sum_top = sum(top),
             sum_hhi = sum(hhi)), keyby = .(t, j)]
  r[, `:=`(sum_top = f17(sum_top), sum_hhi = f17(sum_hhi))]
  r[]
}

if (q == "all") {
  d <- rows(c("t", "i", "j", "k", "v"))
  write(q1(d), "q1"); write(q2(d), "q2"); write(q3(d), "q3")
} else {
  d <- rows(switch(q, q1 = , q2 = c("t", "i", "j", "v"), q3 = c("t", "j", "k", "v")))
  write(get(q)(d), q)
}
