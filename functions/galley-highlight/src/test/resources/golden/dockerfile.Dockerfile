# syntax=docker/dockerfile:1
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY --chown=app:app pom.xml .
RUN --mount=type=cache,target=/root/.m2 mvn -B -q package -DskipTests && \
    cp target/*.jar /app.jar

FROM eclipse-temurin:17-jre
ARG VERSION=dev
ENV JAVA_OPTS="-XX:+UseSerialGC" APP_HOME=/opt/app
LABEL org.opencontainers.image.version=$VERSION
COPY --from=build /app.jar ${APP_HOME}/app.jar
EXPOSE 8080/tcp
USER 1000
ENTRYPOINT ["java", "-jar", "/opt/app/app.jar"]
