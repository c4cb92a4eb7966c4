-- patterns are left out of the sandbox: these calls must fail cleanly
local s = "abc-123"
local ok = pcall(function() return s:match("^(%a+)%-(%d+)$") end)
return ok, s:sub(1, 3), s:upper(), #s
