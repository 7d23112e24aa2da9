-- Appends a max_price no expert reaches, different for every request of every thread, so
-- results stay the same but no two requests share a cache key.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

local n = 0
request = function()
  n = n + 1
  local path = wrk.path .. "&currency=USD&max_price=" .. (100000 + n * 4 + id)
  return wrk.format(nil, path)
end
