/** Part 3 of the service modules' checks (module-checks.ts; service-modules.test.ts checks that the parts cover the registry). */
import { checkServiceModules, modulesOfPart } from './module-checks';

checkServiceModules(modulesOfPart(3));
