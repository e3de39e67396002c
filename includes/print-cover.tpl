{#- Cover of the PDF edition (mkdocs-print-site-plugin). -#}
<div class="ts-cover">
  <p class="ts-cover__kicker">{{ config.site_name }}</p>
  <h1>Factions, congresses and exiles</h1>
  <p>{{ config.site_description }}</p>
  <p>The print edition of <a href="{{ config.site_url }}">{{ config.site_url }}</a>,
     built from the same sources as the website. Dates in Russia before
     14 February 1918 are given in both calendars (O.S. and N.S.).</p>
</div>
