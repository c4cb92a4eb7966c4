local co = coroutine.wrap(function(a) while true do a = coroutine.yield(a * 2) end end)
local ok, e = pcall(error, {code = 1})
return co(3), select("#", pcall(string.rep, "x", 3, ","))
