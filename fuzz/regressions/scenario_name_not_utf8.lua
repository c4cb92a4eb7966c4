scenario { name = "A\255B", base_year = 2023, years = 1 }
