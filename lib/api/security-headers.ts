// Policies shared by the proxy (every response) and the routes that need a stricter one.

/** An uploaded file opened inline (a PDF, say) runs with no scripts and no access to this origin. */
export const fileContentSecurityPolicy = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";

/** Two years, every subdomain: browsers then refuse plain HTTP to this host. */
export const strictTransportSecurity = "max-age=63072000; includeSubDomains";
