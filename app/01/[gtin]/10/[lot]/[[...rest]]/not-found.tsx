// A Digital Link that names no batch: the trace page's own answer.
export { default, metadata } from "@/app/trace/[code]/not-found";
