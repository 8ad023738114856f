import { Testing } from 'cdktf';

// The cdktf matchers: toHaveResourceWithProperties, toHaveDataSourceWithProperties, toBeValidTerraform, ...
Testing.setupJest();
