-- The 2022 disruptions of the Caspian Pipeline Consortium (CPC), Kazakhstan's main oil export
-- route through Russia to Novorossiysk.
--
-- Seed: Daria Novak (2023-10, seed 000): "Russia retaliated against Kazakhstan several times for
-- its moves toward China by blocking the flow of oil to punish the leadership in Astana and the
-- general population."
-- Data (../shared/research/kz-facts.md, section 6c): loading halted 23 Mar - 23 Apr 2022 (storm
-- damage, Interfax 78545); one mooring only 15-25 Jun 2022; SPM-1 and SPM-2 suspended from
-- 22 Aug 2022, about a month per unit, SPM-1 in its final repair on 8 Nov (Interfax 84699).
-- Volumes and capacities: data/kaz/corridors.csv (mvec routes --year 2022).
--
-- Where the model is coarse: a year is one period, so a month's halt is a twelfth of the year's
-- capacity lost, and oil held back can move in the open months if the year's capacity allows;
-- the moorings' outage (two of three SPMs, about 2.5 months) is modelled as half capacity for 3
-- months. Stranded oil would be valued at BACI's 2021 unit value of Kazakh crude.
-- Against what happened: the model finds the year's capacity (Kazakh section 53.7 mt/yr,
-- Russian section 67) enough to carry the 2022 volume (52.2 mt on the CPC, kz-facts 6b) despite
-- the outages: nothing stranded, about 10 mt moved to other months or routes. The CPC did ship
-- 52.2 mt of Kazakh oil in 2022, close to that capacity; the "~15 mt" loss estimate in the notes
-- (connectivethink, secondary) is against a planned volume the model does not know, and real
-- fields cannot store a month's output, so the model's "no loss" is a lower bound.
scenario {
    name = "CPC disruptions of 2022",
    base_year = 2021,
    years = 1,
    network_year = 2022,   -- the corridors' 2022 capacities and volumes
    value { commodity = "oil", usd_per_unit = 468.4e6, hs = "27", -- USD per mt: 468.4 a tonne
            source = "CEPII BACI 2021, HS 270900: USD 21.83 bn for 46.6 mt" },
    close_route { link = "cpc-rus", start = 2022, months = 1 },
    close_route { link = "cpc-rus", start = 2022, months = 3, capacity = 0.5 },
}
