// Small enhancements only: every page works without this script.
document.addEventListener("DOMContentLoaded", () => {
  // Move focus to the error summary so screen-reader users hear what to correct.
  const summary = document.querySelector(".error-summary");
  if (summary) {
    summary.focus();
  }
});
