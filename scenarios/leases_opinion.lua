-- Protests limit Chinese land leases and investment when attitudes to China sour.
--
-- Seed: South China Morning Post (2023-09-17, seed 002): "Concerns about leasing agricultural
-- land to Chinese interests sparked huge protests, and the government has subsequently kept a
-- tight grip on foreign leases." Leo Lin (China Brief, 2019, seed 001): "another round of
-- anti-China protests broke out in both ... Nur-Sultan, and ... Almaty".
-- Data: approval of the Chinese leadership, 46 % (average of four Central Asian countries,
-- 2006-2018, data/kaz/opinion.csv); FDI stock by partner (data/kaz/official_wiiw_fdi.csv).
--
-- Where the model is coarse: the opinion path (a drift of -1.5 points a year with noise of 3
-- points) and the reaction (Chinese FDI stock 20 % lower within three years once approval
-- falls below 40 %) are assumptions to show how an opinion-driven rule works.
scenario {
    name = "Opinion-driven limits on Chinese leases and investment",
    years = 10,
    opinion { partner = "CHN", value = 0.46, trend = -0.015, sd = 0.03 },
    rule { when = { opinion = "CHN", below = 0.40 }, lag = 1,
           shift { vector = "fdi.stock", partner = "CHN", change = -0.20, by = 2 } },
}
