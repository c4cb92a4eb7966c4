local mt = {__index = function(t, k) return k .. "!" end, __len = function() return 3 end}
local t = setmetatable({}, mt)
table.insert(t, 1, "a")
return #t, t.x, utf8.char(1025, 1082), math.floor(2.5), load("return 1 + 1")()
