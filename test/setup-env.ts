// Tests never reach a real Adobe or Amazon host: everything goes to loopback emulators.
process.env.CI = process.env.CI ?? 'true';
process.env.TZ = 'UTC';
