import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from "jose";

/** A JWKS served on loopback and the private key that signs for it. */
export interface LocalJwks {
  /** Where the key set is served, such as http://127.0.0.1:PORT/jwks.json. */
  url: string;
  /** Signs a JWT with the served key; claims are the caller's to choose. */
  sign(claims: JWTPayload, expiresIn?: string | number): Promise<string>;
  close(): Promise<void>;
}

const KEY_ID = "test-key-1";
const ALGORITHM = "ES256";

/** Starts a JWKS with one fresh ES256 key on 127.0.0.1. */
export async function startLocalJwks(): Promise<LocalJwks> {
  const { publicKey, privateKey } = await generateKeyPair(ALGORITHM);
  const jwk = { ...(await exportJWK(publicKey)), kid: KEY_ID, alg: ALGORITHM };
  const body = JSON.stringify({ keys: [jwk] });

  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(body);
  });
  await new Promise<void>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve()),
  );
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/jwks.json`,
    sign: (claims, expiresIn = "5m") =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: ALGORITHM, kid: KEY_ID })
        .setIssuedAt()
        .setExpirationTime(expiresIn)
        .sign(privateKey),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A JWT with the served key id, signed by a key the JWKS does not hold. */
export async function signWithStrangerKey(claims: JWTPayload): Promise<string> {
  const { privateKey } = await generateKeyPair(ALGORITHM);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: ALGORITHM, kid: KEY_ID })
    .setIssuedAt()
    .setExpirationTime("5m")
    .sign(privateKey);
}
