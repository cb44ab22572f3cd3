// Progressive enhancements; every page works without them.
(function () {
  "use strict";
  // Forms with errors: move focus to the error summary, so screen readers
  // announce it and keyboard users start where the problems are.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  } else {
    var invalid = document.querySelector(".is-invalid");
    if (invalid) { invalid.focus(); }
  }
})();
