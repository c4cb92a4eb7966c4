function rule(x)
  local s = ("link-%d"):format(x)
  return s:match("^(%a+)%-(%d+)$"), s:gsub("%d", "#")
end
