// Preloaded into `next start` (scripts/start.mjs: node --require). Next's route
// handlers and server actions cannot see the TCP peer, and Next only fills in
// X-Forwarded-For when the client did not send one, so a client could pick its own
// address. Here every request gets the real socket address in a header of our own,
// overwriting any copy the client sent; lib/security/client-address.ts reads it.
"use strict";
const http = require("node:http");
const HEADER = "x-marquee-socket-address";
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, req) {
  if (event === "request" && req && req.headers) {
    req.headers[HEADER] = (req.socket && req.socket.remoteAddress) || "unknown";
  }
  return emit.apply(this, arguments);
};
