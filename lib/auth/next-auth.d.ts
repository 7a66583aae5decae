import "next-auth";

declare module "next-auth" {
  interface Session {
    userId?: number;
    sessionVersion?: number;
  }
  interface User {
    sessionVersion?: number;
  }
}
