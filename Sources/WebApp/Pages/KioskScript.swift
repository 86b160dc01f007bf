/// The kiosk's return to the start, as a script: after the page's time without input, a warning
/// that offers more time for 30 seconds (WCAG 2.2.1, "Extend"), then back to `/survey`.
///
/// A timed `<meta http-equiv="refresh">` gives no warning and no way to ask for more time, so it
/// stays only as the fallback without script (inside `<noscript>`), where the return to the start
/// (privacy on a shared device) has to win.
enum KioskScript {
    static let path = "/static/kiosk.js"

    static let javascript = """
    (function () {
      "use strict";
      var box = document.getElementById("kiosk-timeout");
      var more = document.getElementById("kiosk-more-time");
      var seconds = parseInt(document.body.getAttribute("data-kiosk-return") || "", 10);
      if (!box || !more || !(seconds > 0)) { return; }
      var warn = null, leave = null;
      function restart() {
        clearTimeout(warn);
        clearTimeout(leave);
        box.hidden = true;
        warn = setTimeout(function () { box.hidden = false; more.focus(); }, Math.max(seconds - 30, 1) * 1000);
        leave = setTimeout(function () { window.location.replace("/survey"); }, seconds * 1000);
      }
      more.addEventListener("click", restart);
      ["keydown", "pointerdown", "input"].forEach(function (name) { document.addEventListener(name, restart, true); });
      restart();
    })();
    """
}
