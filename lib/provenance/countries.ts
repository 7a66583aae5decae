// Approximate centroids [latitude, longitude] of the countries coffee comes from and goes to, for the
// "too far apart too fast" scan rule. A country missing here is never judged by distance.
import centroids from "./country-centroids.json" with { type: "json" };

type Centroid = [latitude: number, longitude: number];

export const countryCentroids: Record<string, Centroid> = Object.fromEntries(
  Object.entries({ ...centroids.origins, ...centroids.markets }).map(([code, [lat, lon]]) => [code, [lat, lon]]),
);
