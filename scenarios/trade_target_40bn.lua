-- Astana and Beijing target USD 40 bn of trade, up from 31 bn.
--
-- Seed: Daria Novak (2023-10, seed 000): "According to the Kazakhstani publication Akorda,
-- Beijing and Astana planned to increase bilateral trade from $31 billion to $40 billion in the
-- coming years."
-- Data: base-year trade with China, exports plus imports (data/kaz/official_bns_trade.csv).
--
-- Where the model is coarse: "the coming years" is read as by 2030; exports and imports with
-- China grow at the same yearly rate; other partners stay at their base-year values, so the
-- balance moves only through China's growth.
scenario {
    name = "China trade to USD 40 bn by 2030",
    base_year = 2023,
    years = 7,
    target { partner = "CHN", value = 40e9, by = 2030 },
}
