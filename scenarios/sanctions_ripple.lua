-- Sanctions on Russia ripple through the EAEU; fear of secondary sanctions on oil in Russian
-- pipelines.
--
-- Seed: Oyuna Baldakova (MERICS, 2022, seed 004): "Being a member of the Russian-led Eurasian
-- Economic Union (EAEU), Kazakhstan has felt ripple effects from sanctions ... slackening
-- Russian trade and investment." and "the fear of sanctions affecting Kazakh oil in Russian
-- pipelines and risk of secondary sanctions."
-- Data: base-year trade by partner (data/kaz/official_bns_trade.csv); corridors
-- (data/kaz/corridors.csv): every oil link that transits Russia.
--
-- Where the model is coarse: the secondary-sanctions share (15 % of trade with Russia and of
-- volumes through Russia avoided) is an assumption, not an estimate; in reality Kazakh-Russian
-- trade grew in 2022 as goods were re-routed, which this model does not represent.
scenario {
    name = "Sanctions on Russia with a 15 % secondary-sanctions share",
    base_year = 2023,
    years = 3,
    value { commodity = "oil", usd_per_unit = 468.4e6, hs = "27", -- USD per mt: 468.4 a tonne
            source = "CEPII BACI 2021, HS 270900: USD 21.83 bn for 46.6 mt" },
    sanctions { on = "RUS", secondary = 0.15, start = 2024 },
}
