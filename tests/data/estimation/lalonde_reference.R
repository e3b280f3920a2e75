# Reference numbers for tests/core/estimation (Lalonde). Run from the repository root:
#   Rscript tests/data/estimation/lalonde_reference.R
# R 4.2 (Debian 12), MatchIt 4.5.1, sandwich 3.0-2. Writes the matching reference CSVs next to this
# script and prints every scalar with 15 significant digits; the tests hard-code those numbers.
suppressMessages({library(MatchIt); library(sandwich)})
options(digits = 15)
d <- read.csv("resources/examples/lalonde.csv")
d$race <- factor(d$race, levels = c("black", "hispan", "white"))
f <- treat ~ age + educ + race + married + nodegree + re74 + re75
p15 <- function(label, x) cat(label, ":", formatC(x, digits = 15, format = "g"), "\n")

# 1. Propensity model
fit <- glm(f, data = d, family = binomial, control = glm.control(epsilon = 1e-14, maxit = 100))
s <- summary(fit)$coefficients
p15("coef", s[, 1]); p15("se", s[, 2]); p15("z", s[, 3]); p15("p", s[, 4])
p15("deviance", deviance(fit)); p15("null.deviance", fit$null.deviance); p15("aic", AIC(fit))
p15("iter", fit$iter)
e <- fitted(fit)
X <- model.matrix(f, d)[, -1]
t <- d$treat; y <- d$re78

# 2. Unweighted balance, by hand
m1 <- colMeans(X[t == 1, ]); m0 <- colMeans(X[t == 0, ])
s1 <- apply(X[t == 1, ], 2, sd); s0 <- apply(X[t == 0, ], 2, sd)
p15("mean1", m1); p15("mean0", m0)
p15("smd.att", (m1 - m0) / s1)
p15("smd.ate", (m1 - m0) / sqrt((s1^2 + s0^2) / 2))
bin <- apply(X, 2, function(v) all(v %in% c(0, 1)))
sb1 <- ifelse(bin, sqrt(m1 * (1 - m1)), s1); sb0 <- ifelse(bin, sqrt(m0 * (1 - m0)), s0)
p15("smd.att.cobaltstd", (m1 - m0) / sb1)
p15("smd.ate.cobaltstd", (m1 - m0) / sqrt((sb1^2 + sb0^2) / 2))
p15("varratio", s1^2 / s0^2)
ks <- function(v, w1, w0) {
  u <- sort(unique(v))
  F1 <- sapply(u, function(a) sum(w1[v[t == 1] <= a]) / sum(w1))
  F0 <- sapply(u, function(a) sum(w0[v[t == 0] <= a]) / sum(w0))
  max(abs(F1 - F0))
}
p15("ks", apply(X, 2, function(v) ks(v, rep(1, sum(t)), rep(1, sum(1 - t)))))

# 3. Weights and Hajek IPW estimates, SE by weighted lm + sandwich
w.att <- ifelse(t == 1, 1, e / (1 - e))
w.ate <- ifelse(t == 1, 1 / e, 1 / (1 - e))
w.atc <- ifelse(t == 1, (1 - e) / e, 1)
w.ato <- ifelse(t == 1, 1 - e, e)
for (nm in c("att", "ate", "atc", "ato")) {
  w <- get(paste0("w.", nm))
  est <- weighted.mean(y[t == 1], w[t == 1]) - weighted.mean(y[t == 0], w[t == 0])
  lf <- lm(y ~ t, weights = w)
  p15(paste0("ipw.", nm), est)
  p15(paste0("ipw.", nm, ".se.HC0"), sqrt(vcovHC(lf, type = "HC0")[2, 2]))
  p15(paste0("ipw.", nm, ".se.HC1"), sqrt(vcovHC(lf, type = "HC1")[2, 2]))
}
# Weighted balance for ATT weights (SD denominators from the unweighted treated group)
wm <- function(v, w) sum(w * v) / sum(w)
wv <- function(v, w) { m <- wm(v, w); sum(w * (v - m)^2) / (sum(w) - sum(w^2) / sum(w)) }
wm1 <- apply(X[t == 1, ], 2, wm, w = w.att[t == 1]); wm0 <- apply(X[t == 0, ], 2, wm, w = w.att[t == 0])
p15("att.wmean0", wm0)
p15("att.wsmd", (wm1 - wm0) / s1)
p15("att.wvarratio", apply(X[t == 1, ], 2, wv, w = w.att[t == 1]) / apply(X[t == 0, ], 2, wv, w = w.att[t == 0]))
p15("att.wks", apply(X, 2, function(v) ks(v, w.att[t == 1], w.att[t == 0])))
p15("att.ess0", sum(w.att[t == 0])^2 / sum(w.att[t == 0]^2))
p15("ate.ess1", sum(w.ate[t == 1])^2 / sum(w.ate[t == 1]^2))
p15("ate.ess0", sum(w.ate[t == 0])^2 / sum(w.ate[t == 0]^2))

# 3b. IPW SE accounting for the estimated propensity score (M-estimation, as WeightIt): stack
# the logistic score x~(t - e) with the weighted least-squares equations w z (y - z'b),
# z = (1, t); A = -d(mean psi)/d(theta) by numerical differentiation (numDeriv), B = mean psi psi',
# V = A^-1 B A^-T / n. An independent check of the closed form in IpwEstimator.
library(numDeriv)
Xt <- cbind(1, X)
wfun <- list(att = function(e) ifelse(t == 1, 1, e / (1 - e)), ate = function(e) ifelse(t == 1, 1 / e, 1 / (1 - e)),
             atc = function(e) ifelse(t == 1, (1 - e) / e, 1), ato = function(e) ifelse(t == 1, 1 - e, e))
for (nm in names(wfun)) {
  psi <- function(theta) {
    g <- theta[seq_len(ncol(Xt))]; b <- theta[ncol(Xt) + 1:2]
    ee <- plogis(drop(Xt %*% g)); w <- wfun[[nm]](ee); r <- y - b[1] - b[2] * t
    cbind(Xt * (t - ee), w * r, w * r * t)
  }
  w <- wfun[[nm]](e); b <- coef(lm(y ~ t, weights = w))
  theta <- c(coef(fit), b)
  A <- -jacobian(function(th) colMeans(psi(th)), theta)
  P <- psi(theta); B <- crossprod(P) / nrow(P)
  V <- solve(A) %*% B %*% t(solve(A)) / nrow(P)
  p15(paste0("ipw.", nm, ".se.M"), sqrt(V[length(theta), length(theta)]))
}

# 4. Naive difference (Welch)
tt <- t.test(y[t == 1], y[t == 0])
p15("diff", unname(tt$estimate[1] - tt$estimate[2])); p15("diff.se", tt$stderr)

# 5. Regression adjustment: OLS of y on T + X with sandwich SEs
ols <- lm(y ~ t + X)
p15("ols", coef(ols)[2])
for (ty in c("HC0", "HC1", "HC2", "HC3")) p15(paste0("ols.se.", ty), sqrt(vcovHC(ols, type = ty)[2, 2]))

# 6. g-computation with per-arm linear models
fit1 <- lm(y ~ X, subset = t == 1); fit0 <- lm(y ~ X, subset = t == 0)
mu1 <- cbind(1, X) %*% coef(fit1); mu0 <- cbind(1, X) %*% coef(fit0)
p15("gcomp.ate", mean(mu1 - mu0)); p15("gcomp.att", mean((mu1 - mu0)[t == 1]))
p15("gcomp.atc", mean((mu1 - mu0)[t == 0]))
# Lin (2013) fully interacted regression, X centred at the target mean; HC2 SE of the T coefficient
for (nm in c("ate", "att")) {
  ctr <- if (nm == "ate") colMeans(X) else colMeans(X[t == 1, ])
  Xc <- sweep(X, 2, ctr)
  lin <- lm(y ~ t * Xc)
  v <- vcovHC(lin, type = "HC2")[2, 2]
  tau.i <- (mu1 - mu0)[if (nm == "ate") rep(TRUE, length(t)) else t == 1]
  p15(paste0("lin.", nm), coef(lin)[2]); p15(paste0("lin.", nm, ".se.HC2"), sqrt(v))
  p15(paste0("gcomp.", nm, ".se"), sqrt(v + var(tau.i) / length(tau.i)))
}

# 7. AIPW with linear outcome models and the logistic propensity, influence-function SE
phi <- mu1 - mu0 + t * (y - mu1) / e - (1 - t) * (y - mu0) / (1 - e)
p15("aipw.ate", mean(phi)); p15("aipw.ate.se", sd(phi) / sqrt(length(phi)))
w1 <- t / mean(t); r <- (1 - t) * e / (1 - e); w0 <- r / mean(r)
tau1 <- mean(w1 * (y - mu0)); tau0 <- mean(w0 * (y - mu0))
phi.att <- w1 * (y - mu0 - tau1) - w0 * (y - mu0 - tau0)
p15("aipw.att", tau1 - tau0); p15("aipw.att.se", sd(phi.att) / sqrt(length(phi.att)))

# 8. MatchIt nearest neighbour; weights written for the tests; SE as the MatchIt vignette says
mwrite <- function(m, file) {
  out <- data.frame(row = seq_len(nrow(d)) - 1, weight = m$weights,
                    subclass = ifelse(is.na(m$subclass), -1, as.integer(as.character(m$subclass))))
  write.csv(out, file.path("tests/data/estimation", file), row.names = FALSE, quote = FALSE)
}
m <- matchit(f, data = d, method = "nearest")
mwrite(m, "lalonde_matchit_nearest.csv")
md <- match.data(m)
lm.m <- lm(re78 ~ treat, data = md, weights = weights)
p15("match.att", coef(lm.m)[2])
p15("match.att.se.CR1", sqrt(vcovCL(lm.m, cluster = ~subclass)[2, 2]))
p15("match.sd.distance", sd(m$distance))
m2 <- matchit(f, data = d, method = "nearest", ratio = 2)
mwrite(m2, "lalonde_matchit_ratio2.csv")
md2 <- match.data(m2); lm.m2 <- lm(re78 ~ treat, data = md2, weights = weights)
p15("match2.att", coef(lm.m2)[2]); p15("match2.att.se.CR1", sqrt(vcovCL(lm.m2, cluster = ~subclass)[2, 2]))
mr <- matchit(f, data = d, method = "nearest", replace = TRUE, ratio = 2)
write.csv(data.frame(row = seq_len(nrow(d)) - 1, weight = mr$weights),
          "tests/data/estimation/lalonde_matchit_replace_ratio2.csv", row.names = FALSE, quote = FALSE)
kr <- mr$weights > 0  # the matched sample, as match.data() gives it
lm.mr <- lm(re78 ~ treat, data = d[kr, ], weights = mr$weights[kr])
p15("matchr.att", coef(lm.mr)[2]); p15("matchr.att.se.HC1", sqrt(vcovHC(lm.mr, type = "HC1")[2, 2]))
mc <- matchit(f, data = d, method = "nearest", link = "linear.logit", caliper = 0.2)
mwrite(mc, "lalonde_matchit_logit_caliper.csv")
p15("matchc.n.matched.treated", sum(mc$weights[t == 1] > 0))
mdc <- match.data(mc); lm.mc <- lm(re78 ~ treat, data = mdc, weights = weights)
p15("matchc.att", coef(lm.mc)[2]); p15("matchc.att.se.CR1", sqrt(vcovCL(lm.mc, cluster = ~subclass)[2, 2]))
ms <- matchit(f, data = d, method = "nearest", m.order = "smallest")
mwrite(ms, "lalonde_matchit_smallest.csv")

# 8b. True greedy nearest neighbour, written out by hand (independent of MatchIt), on the
# propensity scores of section 1. MatchIt 4.5.1 (the version above) takes the nearest control
# *below* the treated unit's score whenever one is available (see NearestNeighborMatching.hpp),
# so the files above are its numbers and the files below are the documented algorithm's:
# each treated unit, in decreasing order of the distance, takes the nearer of the nearest
# available controls below and above (ties: below), within the caliper if any; 1:k in rounds.
greedy <- function(dist, ratio = 1, replace = FALSE, caliper = Inf, decreasing = TRUE) {
  tr <- which(t == 1); co <- which(t == 0)
  tr <- tr[order(dist[tr], decreasing = decreasing)]
  avail <- rep(TRUE, length(dist)); matches <- vector("list", length(dist)); done <- rep(FALSE, length(dist))
  for (r in seq_len(ratio)) for (i in tr) {
    if (done[i]) next
    cand <- co[avail[co]]
    below <- cand[dist[cand] < dist[i]]; above <- cand[dist[cand] >= dist[i]]
    l <- if (length(below)) below[dist[below] == max(dist[below])] else integer(0); l <- if (length(l)) max(l) else NA
    u <- if (length(above)) above[dist[above] == min(dist[above])] else integer(0); u <- if (length(u)) min(u) else NA
    dl <- if (is.na(l)) Inf else dist[i] - dist[l]; du <- if (is.na(u)) Inf else dist[u] - dist[i]
    pick <- if (du < dl) u else l; dd <- min(dl, du)
    if (is.na(pick) || dd > caliper) { done[i] <- TRUE; next }
    matches[[i]] <- c(matches[[i]], pick); if (!replace) avail[pick] <- FALSE
  }
  w <- rep(0, length(dist)); sub <- rep(-1, length(dist)); s <- 0
  for (i in tr) if (length(matches[[i]])) {
    w[i] <- 1; w[matches[[i]]] <- w[matches[[i]]] + 1 / length(matches[[i]]); sub[c(i, matches[[i]])] <- s; s <- s + 1
  }
  w[co] <- w[co] / mean(w[co][w[co] > 0])
  data.frame(row = seq_along(dist) - 1, weight = w, subclass = sub)
}
gw <- function(x, file) write.csv(x, file.path("tests/data/estimation", file), row.names = FALSE, quote = FALSE)
g1 <- greedy(e); gw(g1, "lalonde_greedy_nearest.csv")
gw(greedy(e, ratio = 2), "lalonde_greedy_ratio2.csv")
gw(greedy(e, ratio = 2, replace = TRUE), "lalonde_greedy_replace_ratio2.csv")
gw(greedy(e, decreasing = FALSE), "lalonde_greedy_smallest.csv")
lg <- qlogis(e); gc <- greedy(lg, caliper = 0.2 * sd(lg)); gw(gc, "lalonde_greedy_logit_caliper.csv")
p15("greedy.caliper.n.matched.treated", sum(gc$weight[t == 1] > 0))
for (nm in c("g1", "gc")) {
  g <- get(nm); k <- g$weight > 0
  lg1 <- lm(y[k] ~ t[k], weights = g$weight[k])
  p15(paste0(nm, ".att"), coef(lg1)[2]); p15(paste0(nm, ".att.se.CR1"), sqrt(vcovCL(lg1, cluster = g$subclass[k])[2, 2]))
}

# 9. Local tests (partial correlation by residuals, Fisher z with n - |Z| - 3)
lt <- function(x, yv, Z) {
  rx <- if (is.null(Z)) x - mean(x) else resid(lm(x ~ Z)); ry <- if (is.null(Z)) yv - mean(yv) else resid(lm(yv ~ Z))
  r <- cor(rx, ry); k <- if (is.null(Z)) 0 else ncol(as.matrix(Z)); n <- length(x)
  z <- atanh(r) * sqrt(n - k - 3); h <- qnorm(0.975) / sqrt(n - k - 3)
  c(estimate = r, p.value = 2 * pnorm(-abs(z)), lo = tanh(atanh(r) - h), hi = tanh(atanh(r) + h))
}
p15("lt.educ.re74|age", lt(d$educ, d$re74, d$age))
p15("lt.married.re75|age,educ,race", lt(d$married, d$re75, cbind(d$age, d$educ, X[, c("racehispan", "racewhite")])))
p15("lt.age.educ", lt(d$age, d$educ, NULL))

# 10. E-value of the ATT IPW estimate (SMD approximation, SD of re78 in the whole sample)
ev <- function(rr) { if (rr < 1) rr <- 1 / rr; rr + sqrt(rr * (rr - 1)) }
est <- weighted.mean(y[t == 1], w.att[t == 1]) - weighted.mean(y[t == 0], w.att[t == 0])
p15("sd.re78", sd(y)); p15("evalue.att.point", ev(exp(0.91 * est / sd(y))))
