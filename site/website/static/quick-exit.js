// Quick exit: leave at once and replace this page in the history, by click or Shift x3.
(function () {
  var link = document.querySelector("[data-quick-exit]");
  if (!link) return;
  function leave(event) {
    if (event) event.preventDefault();
    document.body.style.visibility = "hidden";
    window.location.replace(link.href);
  }
  link.addEventListener("click", leave);
  var presses = [];
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") return;
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 2000; });
    presses.push(now);
    if (presses.length >= 3) leave();
  });
})();
