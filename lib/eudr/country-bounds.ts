// Bounding boxes [west, south, east, north] (degrees, WGS 84) of the countries coffee is grown in, for
// the "inside the stated country" check. Source: Natural Earth 1:110m admin-0 countries (public
// domain, naturalearthdata.com, ne_110m_admin_0_countries, v4.1), each edge moved 0.1° outward
// because the 1:110m coastlines are simplified. A box is coarse: a point inside a neighbour that
// shares the box passes; a point far outside the country never does. A country missing here is
// reported as unknown, never passed silently.
export type Bounds = readonly [west: number, south: number, east: number, north: number];

export const countryBounds: Record<string, Bounds> = {
  BI: [28.925, -4.6, 30.853, -2.248], // Burundi
  BO: [-69.691, -22.973, -57.398, -9.662], // Bolivia
  BR: [-74.088, -33.869, -34.63, 5.345], // Brazil
  CN: [73.575, 18.098, 135.127, 53.559], // China
  CO: [-79.091, -4.399, -66.776, 12.538], // Colombia
  CR: [-86.042, 8.125, -82.446, 11.318], // Costa Rica
  EC: [-81.068, -5.06, -75.134, 1.481], // Ecuador (mainland)
  ET: [32.854, 3.322, 47.89, 15.06], // Ethiopia
  GT: [-92.33, 13.635, -88.125, 17.92], // Guatemala
  HN: [-89.454, 12.885, -83.047, 16.106], // Honduras
  ID: [95.193, -10.46, 141.134, 5.58], // Indonesia
  IN: [68.077, 7.866, 97.503, 35.595], // India
  JM: [-78.438, 17.601, -76.1, 18.625], // Jamaica
  KE: [33.794, -4.777, 41.956, 5.606], // Kenya
  LA: [100.016, 13.781, 107.665, 22.565], // Laos
  MM: [92.203, 9.833, 101.281, 28.436], // Myanmar
  MX: [-117.228, 14.439, -86.712, 32.821], // Mexico
  NI: [-87.769, 10.627, -83.047, 15.117], // Nicaragua
  PA: [-83.066, 7.121, -77.142, 9.712], // Panama
  PE: [-81.511, -18.448, -68.565, 0.043], // Peru
  PG: [140.9, -10.753, 156.12, -2.4], // Papua New Guinea
  PH: [117.074, 5.481, 126.638, 18.606], // Philippines
  RW: [28.925, -3.018, 30.917, -1.035], // Rwanda
  SV: [-90.196, 13.049, -87.623, 14.525], // El Salvador
  TH: [97.276, 5.591, 105.69, 20.518], // Thailand
  TZ: [29.24, -11.821, 40.417, -0.85], // Tanzania
  UG: [29.479, -1.544, 35.136, 4.35], // Uganda
  VN: [102.07, 8.5, 109.436, 23.453], // Vietnam
  YE: [42.505, 12.486, 53.209, 19.1], // Yemen
};
