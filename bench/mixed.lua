-- Mixed traffic for bench/mixed_rss.sh: cycles through the paths in the file named by
-- $MIXED_PATHS, one per line. A path ending in "=" gets a number of its own each time (a
-- price ceiling, a page of text search), so those requests never repeat and each fills
-- the directory's result cache anew.
local paths = {}
for line in io.lines(os.getenv("MIXED_PATHS")) do
  paths[#paths + 1] = line
end
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end
local n = 0
request = function()
  n = n + 1
  local path = paths[(n + id) % #paths + 1]
  if path:sub(-1) == "=" then
    path = path .. (100000 + n * 4 + id)
  end
  return wrk.format(nil, path)
end
