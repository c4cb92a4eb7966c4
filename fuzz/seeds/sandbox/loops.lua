local t = {}
for i = 1, 10 do t[#t + 1] = i * 2 end
return table.concat(t, ",")
