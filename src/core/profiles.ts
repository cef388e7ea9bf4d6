/**
 * Traffic profiles: the numbers a plan starts from when the user gives only a user count.
 * Every number is a planning default a person can override with a flag; the comment says why it is that.
 */
export const PROFILE_NAMES = ['web-app', 'saas', 'api', 'ecommerce', 'social', 'media'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

export const DAILY_CURVE_NAMES = ['consumer-evening', 'business-hours', 'machine-steady', 'media-evening'] as const;
export type DailyCurveName = (typeof DAILY_CURVE_NAMES)[number];

export interface Profile {
  description: string;
  /** Daily active users as a share of monthly active users. */
  dauRatio: number;
  /** Requests that reach the application servers per daily active user per day. */
  requestsPerUser: number;
  /** Busiest hour's request rate divided by the day's average rate. */
  peakFactor: number;
  /** Share of requests that only read. */
  readRatio: number;
  /** Mean CPU time of one request on one vCPU, in milliseconds. */
  serviceTimeMs: number;
  /** Whether request durations are similar or vary widely (decides round robin vs least connections). */
  requestDurations: 'similar' | 'variable';
  /** Average bytes sent to the user per request (pages, API bodies and the static assets behind them), in KB. */
  payloadKb: number;
  /** Database and object storage per monthly active user, in MB. */
  storagePerUserMb: number;
  /** p95 response-time target at the app server, in milliseconds. */
  latencyTargetMs: number;
  /** Share of bytes a CDN can serve from the edge once there is one. */
  cdnOffload: number;
  /** Share of reads the Redis cache answers once there is one. */
  cacheHitRatio: number;
  /** Database CPU time per request (after the cache), in milliseconds of one vCPU. */
  dbTimeMs: number;
  /** Shape of the day, used for the expected (not peak) fleet and cost. */
  dailyCurve: DailyCurveName;
}

export const PROFILES: Record<ProfileName, Profile> = {
  'web-app': {
    description: 'A typical consumer web application: pages, an API behind them, sign-in, a feed or dashboard',
    dauRatio: 0.2, // consumer apps commonly see 15–25 % of monthly users on a given day (DAU/MAU "stickiness")
    requestsPerUser: 100, // ~10 page views a day, each with ~10 API and page requests that reach the origin
    peakFactor: 3, // evening peak hour runs about three times the 24-hour average for a single-region audience
    readRatio: 0.9, // browsing dominates; writes are sign-ins, posts and settings
    serviceTimeMs: 50, // a server-rendered page or JSON endpoint with a few queries, measured as app CPU time
    requestDurations: 'similar', // mostly short pages and endpoints of comparable cost
    payloadKb: 100, // HTML/JSON plus the share of images, scripts and styles not already cached by the browser
    storagePerUserMb: 5, // profile, content rows and a few uploads per user
    latencyTargetMs: 500, // pages should feel instant; 500 ms p95 at the server leaves room for the network
    cdnOffload: 0.7, // static assets and images are most of the bytes and cache well at the edge
    cacheHitRatio: 0.8, // sessions and hot rows read far more than written
    dbTimeMs: 4, // a handful of indexed queries per request
    dailyCurve: 'consumer-evening',
  },
  saas: {
    description: 'A business SaaS product: dashboards, reports and workflows used in working hours',
    dauRatio: 0.5, // business tools are used on most working days by most seats
    requestsPerUser: 300, // people keep the app open all day: navigation, polling, autosave
    peakFactor: 2.5, // working hours concentrate traffic, but across time zones the peak is broad
    readRatio: 0.8, // forms, edits and workflow steps write more than consumer browsing does
    serviceTimeMs: 60, // business logic, permission checks and heavier queries than a consumer page
    requestDurations: 'variable', // quick navigation mixed with slow reports and exports
    payloadKb: 40, // JSON-heavy single-page app after its bundle is cached
    storagePerUserMb: 50, // documents, records and audit history per seat
    latencyTargetMs: 800, // business users accept a little more than consumers for heavier screens
    cdnOffload: 0.5, // the app bundle and assets are cacheable, API responses are not
    cacheHitRatio: 0.7, // per-tenant data is less shared than consumer content
    dbTimeMs: 8, // joins, permissions and reporting queries
    dailyCurve: 'business-hours',
  },
  api: {
    description: 'A public or partner API called by other programs',
    dauRatio: 0.3, // integrations and their users call on a regular schedule
    requestsPerUser: 500, // machine clients poll and sync far more often than people click
    peakFactor: 2, // machine traffic is steadier than human traffic
    readRatio: 0.85, // mostly lookups, with writes from webhooks and sync jobs
    serviceTimeMs: 20, // small JSON endpoints without rendering
    requestDurations: 'similar', // endpoints of comparable cost, by design of a public API
    payloadKb: 5, // compact JSON bodies
    storagePerUserMb: 10, // records and request logs per client
    latencyTargetMs: 300, // programs calling programs budget tight timeouts
    cdnOffload: 0.1, // little is cacheable at the edge
    cacheHitRatio: 0.85, // lookups repeat heavily across clients
    dbTimeMs: 3, // key lookups and small writes
    dailyCurve: 'machine-steady',
  },
  ecommerce: {
    description: 'An online shop: catalogue, search, cart and checkout',
    dauRatio: 0.1, // shoppers visit a few times a month
    requestsPerUser: 120, // browsing, search and product pages with their API calls
    peakFactor: 4, // evenings, promotions and paydays make sharp peaks
    readRatio: 0.95, // browsing vastly outnumbers carts and orders
    serviceTimeMs: 60, // search, pricing and stock checks on each page
    requestDurations: 'variable', // fast product pages beside slow search and checkout with payment calls
    payloadKb: 150, // image-heavy pages
    storagePerUserMb: 2, // accounts, orders and carts; the catalogue is shared
    latencyTargetMs: 500, // slow pages lose sales
    cdnOffload: 0.8, // product images dominate the bytes and cache well
    cacheHitRatio: 0.85, // the catalogue is shared by every shopper
    dbTimeMs: 5, // catalogue lookups and order writes
    dailyCurve: 'consumer-evening',
  },
  social: {
    description: 'A social or community product: feeds, posts, likes, notifications',
    dauRatio: 0.4, // social products are visited daily by their engaged users
    requestsPerUser: 200, // scrolling feeds loads many small pages and notifications
    peakFactor: 3, // evening peak for a single-region audience
    readRatio: 0.9, // reads of feeds dominate, but likes and posts write constantly
    serviceTimeMs: 40, // feed assembly from cache with some fan-out
    requestDurations: 'variable', // cached feed pages beside slow fan-out writes and media uploads
    payloadKb: 120, // images and thumbnails in feeds
    storagePerUserMb: 20, // posts, media references and social graph
    latencyTargetMs: 400, // feeds must scroll smoothly
    cdnOffload: 0.8, // media is most of the bytes
    cacheHitRatio: 0.85, // feeds are built from cached objects
    dbTimeMs: 5, // graph lookups and counter updates
    dailyCurve: 'consumer-evening',
  },
  media: {
    description: 'A media or streaming product: video or audio delivered to people at home',
    dauRatio: 0.3, // subscribers watch or listen on many days of the month
    requestsPerUser: 60, // fewer, heavier requests: catalogue pages and stream segments
    peakFactor: 3.5, // prime time is a sharp evening peak
    readRatio: 0.98, // almost everything is playback
    serviceTimeMs: 30, // segment and manifest handling, not transcoding (which is offline)
    requestDurations: 'variable', // tiny manifest requests beside long segment transfers
    payloadKb: 1500, // media segments are large
    storagePerUserMb: 10, // watch history and profiles; the media library itself is shared object storage
    latencyTargetMs: 600, // a segment must arrive well before the buffer drains
    cdnOffload: 0.95, // segments are served from the edge
    cacheHitRatio: 0.9, // catalogue and entitlement lookups repeat
    dbTimeMs: 2, // entitlement and progress writes
    dailyCurve: 'media-evening',
  },
};

/** Relative traffic in each hour of the local day (mean 1 before scaling to the profile's peak factor). */
export const DAILY_CURVE_SHAPES: Record<DailyCurveName, readonly number[]> = {
  // Consumer traffic: asleep at night, a lunch bump, the peak around 20:00–21:00.
  'consumer-evening': [
    0.35, 0.25, 0.18, 0.15, 0.15, 0.2, 0.35, 0.6, 0.85, 1.0, 1.1, 1.2, 1.3, 1.25, 1.2, 1.2, 1.25, 1.4, 1.6, 1.8, 1.9,
    1.8, 1.35, 0.7,
  ],
  // Working hours: a morning ramp, a plateau to late afternoon, quiet nights.
  'business-hours': [
    0.2, 0.15, 0.12, 0.12, 0.15, 0.25, 0.5, 1.0, 1.6, 1.9, 2.0, 1.9, 1.6, 1.85, 1.95, 1.9, 1.7, 1.3, 0.9, 0.6, 0.45,
    0.35, 0.3, 0.25,
  ],
  // Programs call around the clock with a mild daytime bump.
  'machine-steady': [
    0.8, 0.75, 0.72, 0.7, 0.72, 0.8, 0.9, 1.0, 1.1, 1.2, 1.25, 1.25, 1.25, 1.25, 1.2, 1.2, 1.15, 1.1, 1.05, 1.0, 0.95,
    0.9, 0.85, 0.82,
  ],
  // Prime time dominates: very little by day, a steep climb after 18:00.
  'media-evening': [
    0.5, 0.3, 0.2, 0.15, 0.12, 0.12, 0.2, 0.35, 0.45, 0.5, 0.55, 0.6, 0.7, 0.7, 0.7, 0.75, 0.85, 1.1, 1.6, 2.2, 2.6,
    2.5, 1.9, 1.1,
  ],
};
