import bcrypt from "bcryptjs";

const cost = 11;

export const hashPassword = (password: string) => bcrypt.hash(password, cost);

export const verifyPassword = (password: string, hash: string) => bcrypt.compare(password, hash);
