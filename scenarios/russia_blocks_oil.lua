-- Russia blocks Kazakh oil in its pipelines; Kazakhstan ships through the Caspian instead.
--
-- Seed: Daria Novak (2023-10, seed 000): "Russia retaliated against Kazakhstan several times
-- for its moves toward China by blocking the flow of oil to punish the leadership in Astana and
-- the general population. Kazakhstan responded to Putin by purchasing two oil tankers to bypass
-- Russia and export its oil to Europe through Georgia and Azerbaijan."
-- Data: data/kaz/corridors.csv (CPC, Atyrau-Samara, Aktau port 5.2 mt/yr, Aktau-Baku, BTC);
-- kz-facts.md 6a-6b.
--
-- Where the model is coarse: "blocking" is modelled as both Russian routes (the CPC's Russian
-- section and Atyrau-Samara onwards) closed for three months a year in 2024 and 2025; what is
-- rerouted is limited by the known capacities (Aktau's 5.2 mt/yr loading); links whose capacity
-- no source gives count as closed for the cautious figure (stranded) and open for the other
-- (stranded_low).
scenario {
    name = "Russia blocks Kazakh oil in its pipelines",
    base_year = 2023,
    years = 3,
    value { commodity = "oil", usd_per_unit = 468.4e6, hs = "27", -- USD per mt: 468.4 a tonne
            source = "CEPII BACI 2021, HS 270900: USD 21.83 bn for 46.6 mt" },
    close_route { link = "cpc-rus", start = 2024, months = 3 },
    close_route { link = "cpc-rus", start = 2025, months = 3 },
    close_route { link = "samara-transneft", start = 2024, months = 3 },
    close_route { link = "samara-transneft", start = 2025, months = 3 },
}
