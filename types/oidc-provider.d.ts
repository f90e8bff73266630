// oidc-provider ships no types; the e2e test uses a small part of it.
declare module "oidc-provider" {
  import type { Server } from "node:http";
  export default class Provider {
    constructor(issuer: string, config: Record<string, unknown>);
    listen(port: number | string, cb?: () => void): Server;
  }
}
