/**
 * The one redaction step every output passes through: the run's AccessKey secrets and STS tokens,
 * and the credentials and signatures of signed requests, never reach the console, a log, a report or
 * a saved facts file.
 */
package io.exportguard.redact;
