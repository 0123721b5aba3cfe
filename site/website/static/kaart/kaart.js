/* The help page, enhanced: sort by the visitor's position on the device, and a map on request.
 * The position never leaves the browser: no request carries it; it is used to measure
 * distances to the coordinates already on the page. Leaflet and the tiles load only after
 * the visitor taps "Show map". */
(function () {
  "use strict";
  var list = document.querySelector("[data-results]");

  function km(lat1, lon1, lat2, lon2) {
    var r = Math.PI / 180, dLat = (lat2 - lat1) * r, dLon = (lon2 - lon1) * r;
    var h = Math.pow(Math.sin(dLat / 2), 2) +
      Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * 6371.009 * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  function items() {
    return list ? Array.prototype.slice.call(list.querySelectorAll("li[data-lat]")) : [];
  }

  function sortBy(lat, lon) {
    var format = new Intl.NumberFormat(document.documentElement.lang, {
      minimumFractionDigits: 1, maximumFractionDigits: 1 });
    var measured = items().map(function (item) {
      var d = km(lat, lon, parseFloat(item.dataset.lat), parseFloat(item.dataset.lon));
      var label = item.querySelector("[data-distance]");
      if (label) { label.textContent = format.format(d) + " km"; }
      return { item: item, d: d };
    });
    measured.sort(function (a, b) { return a.d - b.d; });
    measured.forEach(function (m) { list.appendChild(m.item); });
  }

  var box = document.querySelector("[data-location]");
  if (box && list && navigator.geolocation) {
    box.hidden = false;
    var button = box.querySelector("[data-use-location]");
    var status = box.querySelector("[data-location-status]");
    button.addEventListener("click", function () {
      navigator.geolocation.getCurrentPosition(function (position) {
        sortBy(position.coords.latitude, position.coords.longitude);
        status.textContent = status.dataset.sorted;
        button.textContent = button.dataset.labelDone;
      }, function () {
        status.textContent = status.dataset.denied;
      }, { enableHighAccuracy: false, timeout: 15000, maximumAge: 300000 });
    });
  }

  var mapBox = document.querySelector("[data-map]");
  if (!mapBox || !list) { return; }
  mapBox.hidden = false;
  var showButton = mapBox.querySelector("[data-show-map]");

  // Build only when both files are in: Leaflet finds its marker images through its CSS,
  // and guesses a wrong path (a broken icon) if the script runs first.
  function load(done) {
    var waiting = 2;
    function one() { waiting -= 1; if (waiting === 0) { done(); } }
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = mapBox.dataset.leafletCss;
    css.onload = one;
    document.head.appendChild(css);
    var script = document.createElement("script");
    script.src = mapBox.dataset.leafletJs;
    script.onload = one;
    document.head.appendChild(script);
  }

  function select(item, markers) {
    items().forEach(function (other) { other.classList.remove("kaart-selected"); });
    item.classList.add("kaart-selected");
    var link = item.querySelector("h3 a");
    if (link) { link.focus(); }
    return markers;
  }

  function build() {
    var canvas = document.createElement("div");
    canvas.className = "kaart-canvas";
    canvas.setAttribute("role", "region");
    canvas.setAttribute("aria-label", mapBox.dataset.mapLabel);
    mapBox.appendChild(canvas);
    var L = window.L;
    var map = L.map(canvas);
    L.tileLayer(mapBox.dataset.tileUrl, {
      attribution: mapBox.dataset.tileAttribution, maxZoom: 18 }).addTo(map);
    var markers = [], bounds = [];
    items().forEach(function (item) {
      var point = [parseFloat(item.dataset.lat), parseFloat(item.dataset.lon)];
      var marker = L.marker(point, { title: item.dataset.name, alt: item.dataset.name,
        keyboard: true }).addTo(map);
      marker.on("click", function () { select(item, markers); });
      item.addEventListener("focusin", function () { marker.openTooltip && marker.setZIndexOffset(1000); });
      marker.bindTooltip(item.dataset.name);
      markers.push(marker);
      bounds.push(point);
    });
    if (bounds.length) { map.fitBounds(bounds, { padding: [20, 20], maxZoom: 13 }); }
    showButton.hidden = true;
  }

  showButton.addEventListener("click", function () {
    showButton.disabled = true;
    if (window.L) { build(); } else { load(build); }
  });
}());
