import { readFileSync } from "node:fs";
import { createServer } from "node:http";

import { requiredEnv } from "./environment";

/*
 * The ceiling: plain node:http answering every request with the same JSON,
 * serialised once at start-up. It reads each request body to the end, as
 * any real server must, and does nothing else; a GraphQL server can only
 * come close to it.
 *
 * Environment: RAW_BODY_FILE (the response body), HOST, PORT.
 */

const body = readFileSync(requiredEnv("RAW_BODY_FILE"));
const headers = {
  "content-type": "application/json; charset=utf-8",
  "content-length": String(body.length),
};

const server = createServer((request, response) => {
  request.resume();
  request.on("end", () => {
    response.writeHead(200, headers);
    response.end(body);
  });
});
server.listen(Number(requiredEnv("PORT")), requiredEnv("HOST"));
