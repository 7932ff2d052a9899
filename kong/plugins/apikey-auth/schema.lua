-- Configuration of the apikey-auth plugin. Every field has a safe default, so enabling the
-- plugin globally with only `verification_urls` is enough.
local typedefs = require("kong.db.schema.typedefs")

return {
  name = "apikey-auth",
  fields = {
    { consumer = typedefs.no_consumer },
    { protocols = typedefs.protocols_http },
    {
      config = {
        type = "record",
        fields = {
          -- Auth's verify endpoint(s), called directly (not through Kong). With several
          -- instances, list each: the plugin fails over from one to the next.
          {
            verification_urls = {
              type = "array",
              required = true,
              len_min = 1,
              elements = typedefs.url,
              default = { "http://auth:8080/auth/verify/apikey" },
            },
          },
          -- Start at a random URL (spreads load); false tries them in the listed order.
          { randomize_start = { type = "boolean", required = true, default = true } },
          -- Hard budget for one verification, all failover attempts included.
          { timeout_ms = { type = "integer", required = true, default = 1000, between = { 50, 2000 } } },
          -- Seconds a verified key is trusted without asking auth again: also the longest a
          -- revoked key keeps working at this gateway.
          { positive_ttl = { type = "number", required = true, default = 30, between = { 0.001, 300 } } },
          -- Seconds a rejected key is answered from cache: protects auth from key guessing
          -- floods, and bounds how long a newly created key is refused.
          { negative_ttl = { type = "number", required = true, default = 5, between = { 0.001, 60 } } },
        },
      },
    },
  },
}
