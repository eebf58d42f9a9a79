# Multi-stage build: compile with dev dependencies, ship production dependencies only.
# scripts/docker-mirror.sh runs these same steps without a Docker engine (CI runs it via npm test).
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
RUN npm run build

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
# OCR reads its English model from node_modules at run time and fetches nothing: the build fails if
# the model is absent, so the image runs OCR without network.
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force \
  && node -e "require.resolve('@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz')"
COPY --from=build /app/dist ./dist
COPY data ./data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/server.js"]
