-- Russia restricts Kazakh farm imports after Astana refuses to join BRICS+.
--
-- Seed: Linda Tjia and Guanie Lim (2024-12-03, seed 003): "Kazakhstan's refusal to join the
-- expanding informal grouping of emerging economies ... (BRICS+) in 2023, a decision which would
-- have frustrated Russia, underlines Astana's resistance to pressure. ... Russia subsequent
-- restriction of Kazakh agricultural imports, ostensibly citing security concerns, implies a
-- retaliatory response."
-- Data: the base year's trade by partner (Bureau of National Statistics, data/kaz/
-- official_bns_trade.csv); the share of HS 01-24 in exports to Russia from CEPII BACI 2021
-- (data/kaz/exports_by_chapter.csv).
--
-- Where the model is coarse: the restriction's depth is not published; a cut of half of
-- Russia's purchases of HS 01-24 for two years is an assumption to show the mechanism. The
-- product split is 2021's, applied to the base year's value.
scenario {
    name = "Russian restrictions on Kazakh farm goods after the BRICS+ refusal",
    base_year = 2023,
    years = 3,
    embargo { by = "RUS", hs = "01-24", cut = 0.5, start = 2024, years = 2 },
}
