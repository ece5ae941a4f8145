-- Rate limiter for OpenResty
local limit = require "resty.limit.req"

local lim, err = limit.new("my_limit_store", 200, 100)
if not lim then
    ngx.log(ngx.ERR, "failed to instantiate: ", err)
    return ngx.exit(500)
end

--[[
  The key is the client address.
]]
local key = ngx.var.binary_remote_addr
local delay = lim:incoming(key, true)
local banner = [[multi-line
string]]
