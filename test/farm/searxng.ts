// A fake SearXNG: GET /search?q=…&format=json answers in SearXNG's JSON shape
// with the farm's site URLs; without format=json it answers 403, as a real
// instance does when the JSON format is not enabled in its settings.
import type http from 'node:http';

export interface SearchHit {
  url: string;
  title: string;
  content: string;
}

export const SEARXNG_PAGE_SIZE = 10;

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

export function searxngHandler(hits: () => SearchHit[]): http.RequestListener {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://farm.invalid');
    if (url.pathname !== '/search') {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    if (url.searchParams.get('format') !== 'json') {
      res.writeHead(403, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!DOCTYPE html><html><head><title>403 Forbidden</title></head><body><h1>Forbidden</h1></body></html>');
      return;
    }
    const query = url.searchParams.get('q') ?? '';
    const pageno = Math.max(1, Number(url.searchParams.get('pageno') ?? '1') || 1);
    const all = query.trim() ? hits() : [];
    const page = all.slice((pageno - 1) * SEARXNG_PAGE_SIZE, pageno * SEARXNG_PAGE_SIZE);
    json(res, 200, {
      query,
      number_of_results: all.length,
      results: page.map((h, i) => ({
        ...h,
        engine: 'farm',
        engines: ['farm'],
        positions: [(pageno - 1) * SEARXNG_PAGE_SIZE + i + 1],
        score: 1 / ((pageno - 1) * SEARXNG_PAGE_SIZE + i + 1),
        category: 'general',
      })),
      answers: [],
      corrections: [],
      infoboxes: [],
      suggestions: [],
      unresponsive_engines: [],
    });
  };
}
