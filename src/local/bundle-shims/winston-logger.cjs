// Bundles only: webpack-config.cjs puts this in place of aio-lib-core-logging's src/WinstonLogger.js. Winston and
// its streams (readable-stream, logform, async, colors…) are ~140 kB of every bundle, and aio-lib-core-logging only
// uses them to print `<ISO time> [<label>] <level>: <message>` lines to stdout. This writes the same line, with
// winston's npm levels, `silent`, and its Console transport's target (console._stdout, else console.log);
// test/local/bundle-shims.test.ts compares the output with the real WinstonLogger. Other transports are not bundled.
const util = require('node:util');

const LEVELS = { error: 0, warn: 1, info: 2, http: 3, verbose: 4, debug: 5, silly: 6 };

class WinstonLogger {
  constructor(config) {
    this.config = config;
    if (config.transports !== undefined && config.transports !== 'console') {
      throw new Error('aio-lib-core-logging transports other than the console are not bundled with this action');
    }
  }

  write(level, args) {
    if (this.config.silent) return;
    const threshold = LEVELS[this.config.level];
    if (threshold === undefined || LEVELS[level] > threshold) return;
    const line = `${new Date().toISOString()} [${this.config.label}] ${level}: ${util.format(...args)}`;
    // The console is this logger's transport, as winston's Console transport writes it.
    if (console._stdout) console._stdout.write(`${line}\n`);
    else console.log(line);
  }

  close() {}

  error(...args) {
    this.write('error', args);
  }

  warn(...args) {
    this.write('warn', args);
  }

  info(...args) {
    this.write('info', args);
  }

  verbose(...args) {
    this.write('verbose', args);
  }

  debug(...args) {
    this.write('debug', args);
  }

  silly(...args) {
    this.write('silly', args);
  }
}

module.exports = WinstonLogger;
