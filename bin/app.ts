#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { buildReferenceApp } from './reference-app';

buildReferenceApp(new App());
