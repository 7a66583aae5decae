// Value sets shared by the database schema, the API and the browser; no dependencies on purpose.
export const batchStatuses = ["draft", "pending_mint", "active", "verified", "flagged", "expired", "redeemed"] as const;
export const verificationStatuses = ["unverified", "pending", "verified", "failed"] as const;
export const syncStatuses = ["synced", "pending", "out_of_sync", "error"] as const;
export const processes = ["washed", "natural", "honey", "anaerobic", "wet_hulled"] as const;
export const qualityGrades = ["specialty", "premium", "exchange", "below_standard"] as const;
/** Fraud risk by score: low below 25, medium below 50, high below 75, critical from 75. */
export const riskLevels = ["low", "medium", "high", "critical"] as const;
