-- Rising tension squeezes Kazakhstan to take sides: random disruptions, retaliation when China
-- overtakes Russia, and noisy trade.
--
-- Seed: Oyuna Baldakova (MERICS, 2022, seed 004): "Rising tensions between Russia, China and the
-- West could mean Kazakhstan's three-way independent policy gets squeezed by pressures to take
-- sides." Daria Novak (2023-10, seed 000): Russia "blocking the flow of oil to punish the
-- leadership in Astana"; Tjia and Lim (2024-12-03, seed 003): Russian restrictions on Kazakh
-- agricultural imports.
-- Data: base-year trade (data/kaz/official_bns_trade.csv), exports by chapter (data/kaz/
-- exports_by_chapter.csv), corridors (data/kaz/corridors.csv); CPC outages: kz-facts.md 6c
-- lists disruptions in 2021, 2022 (four), 2023, 2024 and 2025 (three): about one a year.
--
-- Where the model is coarse: probabilities are round numbers read off that record (a CPC
-- outage of about two months in 40 % of years), the noise (10 % a year on each bloc's trade) is
-- an assumption, and the retaliation is the farm embargo of farm_retaliation_brics.lua.
scenario {
    name = "Squeezed: random route outages, retaliation and noise",
    base_year = 2023,
    years = 10,
    value { commodity = "oil", usd_per_unit = 468.4e6, hs = "27", -- USD per mt: 468.4 a tonne
            source = "CEPII BACI 2021, HS 270900: USD 21.83 bn for 46.6 mt" },
    volatility { vector = "trade", sd = 0.10 },
    chance { p = 0.4, close_route { link = "cpc-rus", months = 2 } },
    chance { p = 0.1, close_route { link = "samara-transneft", months = 3 } },
    rule { when = { vector = "trade.total", bloc = "CHN", above = "RUS-EAEU" },
           embargo { by = "RUS", hs = "01-24", cut = 0.5, years = 2 } },
}
