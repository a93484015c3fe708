package vn.id06.examples.cli;

import picocli.CommandLine;

/**
 * Usage-error messages that name what is wrong without quoting the argument (it may be personal
 * data).
 */
final class UsageMessages {
  private UsageMessages() {}

  static String describe(CommandLine.ParameterException ex) {
    if (ex instanceof CommandLine.UnmatchedArgumentException) {
      return "unknown option or unexpected argument; see --help";
    }
    if (ex instanceof CommandLine.MissingParameterException missing) {
      var names = new StringBuilder();
      for (var arg : missing.getMissing()) {
        if (names.length() > 0) {
          names.append(", ");
        }
        names.append(
            arg instanceof CommandLine.Model.OptionSpec option
                ? option.longestName()
                : arg.paramLabel());
      }
      return "missing " + names + "; see --help";
    }
    if (ex instanceof CommandLine.OverwrittenOptionException) {
      return "an option was given twice; see --help";
    }
    if (ex instanceof CommandLine.MaxValuesExceededException) {
      return "too many arguments; see --help";
    }
    var spec = ex.getArgSpec();
    if (spec instanceof CommandLine.Model.OptionSpec option) {
      return "invalid value for " + option.longestName() + "; see --help";
    }
    return "invalid command line; see --help";
  }
}
