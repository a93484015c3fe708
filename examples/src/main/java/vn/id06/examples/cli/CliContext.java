package vn.id06.examples.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;

/**
 * What one run of the command line works with: its streams and its clock.
 *
 * @param in standard input, read as bytes
 * @param out standard output
 * @param err standard error
 * @param clock the clock for "today"
 */
record CliContext(InputStream in, PrintWriter out, PrintWriter err, Clock clock) {}
