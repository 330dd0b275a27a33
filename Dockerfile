# Attest's app image: built once, run as one instance of the topology in compose.yaml (nginx in
# front of several instances on PostgreSQL and Redis). Configure with DATABASE_URL (required
# here), REDIS_URL, TRUST_PROXY=1 and PUBLIC_URL; see the README's "Deploying" section.

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# The project records its install-script policy for npm 11 (package.json, allowScripts).
RUN npm install -g npm@11 --no-audit --no-fund
# `npm ci` runs `prisma generate` (postinstall), which needs the schema and its configuration.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx next build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOST=0.0.0.0 PORT=3000
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3000
# Applies pending migrations, then serves; the build above is newer than the code, so none runs.
CMD ["npm", "start"]
